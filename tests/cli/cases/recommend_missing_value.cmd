recommend --context
