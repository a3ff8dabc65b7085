table --format xml
