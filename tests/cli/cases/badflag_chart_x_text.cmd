chart --x model
