size --model Mixtral-8x7B-Instruct --context 512 --gpu 'H100 SXM' --format md
