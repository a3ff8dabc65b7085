size --model Kimi-K2.5 --quant release --format json
