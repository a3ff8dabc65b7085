cost --model gemma-3-27b-it --context 32k --tokens 2B --capacity --request-tokens 2000,500
