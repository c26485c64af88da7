from habeas.cli import main

main()
