table --columns model,nosuch
