cost --model Llama-3.1-8B-Instruct --capacity --sweep --format json
