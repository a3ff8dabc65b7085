size --model nosuch
