recommend --gpu l4 --quant int3
