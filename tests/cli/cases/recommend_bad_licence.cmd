recommend --licence maybe
