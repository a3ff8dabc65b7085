size --params 7 --gpu-class gaming
