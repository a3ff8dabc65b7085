recommend --licence gpl
