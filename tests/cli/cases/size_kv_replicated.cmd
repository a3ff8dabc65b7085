size --model Qwen3-235B-A22B --gpu H100 --gpus 8 --context 32768
