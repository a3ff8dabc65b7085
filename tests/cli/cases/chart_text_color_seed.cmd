chart --color family --dataset seed --format text
