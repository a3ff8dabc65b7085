recommend --frobnicate
