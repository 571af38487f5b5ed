from datagen.cli import main

raise SystemExit(main())
