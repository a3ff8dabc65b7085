cost --api gpt-9
