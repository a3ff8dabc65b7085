size --model gpt-oss-120b --quant release --gpu "H100 SXM"
