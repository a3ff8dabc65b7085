recommend --context 12abc
