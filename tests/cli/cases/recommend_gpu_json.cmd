recommend --gpu h100 --gpus 2 --quant int4 --context 128k --format json --limit 3
