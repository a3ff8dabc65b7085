size --model gemma-3-27b-it --context 128k --gpu h100 --gpus 2
