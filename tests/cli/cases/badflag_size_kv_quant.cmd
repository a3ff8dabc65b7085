size --params 7 --kv-quant int3
