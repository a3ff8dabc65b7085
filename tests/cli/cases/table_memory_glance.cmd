table --columns model,params_b,active_params_b,mem_gb,fits_on --sort mem_gb:desc --limit 8
