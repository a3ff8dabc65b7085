chart --dataset seed
