cost --model Llama-3.1-8B-Instruct --gpu h100 --batch 32 --capacity --tokens 20B --energy-price 0.15 --pue 1.3 --request-tokens 2000,500 --format json
