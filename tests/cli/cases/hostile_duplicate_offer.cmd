cost --data $CASES/../fixtures/dup_offer --api gpt-4o
