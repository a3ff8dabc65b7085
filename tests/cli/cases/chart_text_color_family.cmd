chart --format text --color family
