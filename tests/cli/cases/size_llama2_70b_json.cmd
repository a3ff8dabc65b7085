size --model Llama-2-70B --context 4096 --gpu a100-80gb --format json
