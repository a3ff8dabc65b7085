size --model DeepSeek-V3 --gpu h200 --context 32k --quant fp8 --request-tokens 2000,500 --format json
