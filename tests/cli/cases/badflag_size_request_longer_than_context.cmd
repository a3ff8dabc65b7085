size --model gemma-3-27b-it --request-tokens 4000,500
