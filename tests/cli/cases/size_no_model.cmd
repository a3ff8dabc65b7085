size --quant fp16
