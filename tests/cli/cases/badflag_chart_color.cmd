chart --color red
