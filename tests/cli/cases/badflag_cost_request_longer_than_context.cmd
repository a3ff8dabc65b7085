cost --model gemma-3-27b-it --context 2k --request-tokens 2000,500
