size --model Mixtral
