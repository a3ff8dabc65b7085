table --columns model,mem_gb,fits_on --filter gpt-oss --memory release:8k
