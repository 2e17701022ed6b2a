pairs = customers.crossJoin(products)
all_pairs = customers.join(products)
explicit = customers.join(products, how="cross")
