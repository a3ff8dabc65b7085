recommend --context 0
