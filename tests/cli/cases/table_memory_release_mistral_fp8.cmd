table --columns model,release_quant,mem_gb,fits_on --filter 'model~2512 and model~stral' --memory release:8k
