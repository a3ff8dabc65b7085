size --params 6738415616 --quant Q4_K_M --format json
