recommend --context 1.5
