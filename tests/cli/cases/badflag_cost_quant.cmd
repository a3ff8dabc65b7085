cost --model Mistral-7B --quant q9
