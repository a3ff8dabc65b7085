recommend --context 1e400
