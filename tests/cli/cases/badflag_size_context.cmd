size --params 7 --context 1e400
