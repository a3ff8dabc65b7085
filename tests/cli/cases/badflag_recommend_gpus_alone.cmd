recommend --gpus 2
