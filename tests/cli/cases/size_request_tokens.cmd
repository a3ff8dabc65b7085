size --model gemma-3-27b-it --context 32k --request-tokens 2000,500
