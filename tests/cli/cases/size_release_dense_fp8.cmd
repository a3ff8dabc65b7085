size --model Mistral-Medium-3.5-128B --quant auto
