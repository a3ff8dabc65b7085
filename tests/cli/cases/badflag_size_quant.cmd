size --params 7 --quant q9
