cost --tokens 2B --gpu-class consumer
