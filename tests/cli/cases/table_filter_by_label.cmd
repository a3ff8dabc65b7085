table --filter 'Context>=128k and open_weights==yes' --columns model,context_length --sort context_length:desc --limit 3
