size --params 70 --quant release
