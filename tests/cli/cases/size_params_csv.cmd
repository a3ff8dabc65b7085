size --params 7 --quant q4_k_m --gpu L4 --format csv
