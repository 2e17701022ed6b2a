package io.strandsetl.spark.datagen;

/**
 * Word lists the retail generator draws from. Small on purpose: realistic-looking values, not a
 * census; combinations (first × last name, street × city) make the rows varied enough.
 */
final class RetailVocabulary {
  private RetailVocabulary() {}

  static final String[] FIRST_NAMES = {
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Christopher",
    "Lisa",
    "Daniel",
    "Nancy",
    "Matthew",
    "Betty",
    "Anthony",
    "Sandra",
    "Mark",
    "Margaret",
    "Donald",
    "Ashley",
    "Steven",
    "Kimberly",
    "Andrew",
    "Emily",
    "Paul",
    "Donna",
    "Joshua",
    "Michelle",
    "Kenneth",
    "Carol",
    "Kevin",
    "Amanda",
    "Brian",
    "Melissa",
    "George",
    "Deborah",
    "Timothy",
    "Stephanie",
    "Jose",
    "Maria",
    "Luis",
    "Ana",
    "Wei",
    "Mei",
    "Hiroshi",
    "Yuki",
    "Priya",
    "Arjun",
    "Fatima",
    "Omar",
    "Olga",
    "Ivan",
    "Sofia",
    "Mateo",
    "Chloe",
    "Lucas",
    "Amara",
    "Kwame"
  };

  static final String[] LAST_NAMES = {
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Chen",
    "Wang",
    "Kim",
    "Patel",
    "Singh",
    "Tanaka",
    "Sato",
    "Müller",
    "Schmidt",
    "Dubois",
    "O'Brien",
    "Kowalski",
    "Ivanova",
    "Okafor",
    "Mensah",
    "Silva",
    "Santos",
    "Haddad"
  };

  static final String[] EMAIL_DOMAINS = {
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "aol.com",
    "proton.me",
    "comcast.net"
  };

  static final String[] STREET_NAMES = {
    "Main",
    "Oak",
    "Pine",
    "Maple",
    "Cedar",
    "Elm",
    "Washington",
    "Lake",
    "Hill",
    "Park",
    "Sunset",
    "Lincoln",
    "Jefferson",
    "River",
    "Highland",
    "Church",
    "Spring",
    "Willow",
    "Franklin",
    "Chestnut",
    "Meadow",
    "Ridge",
    "Forest",
    "Madison",
    "Jackson",
    "Lakeview",
    "Valley",
    "Walnut",
    "Sycamore",
    "Birch"
  };

  static final String[] STREET_SUFFIXES = {
    "St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Way", "Pl", "Ter"
  };

  /** City, state, the first three digits of its ZIP codes, and the area codes used there. */
  static final String[][] CITIES = {
    {"New York", "NY", "100", "212"},
    {"Brooklyn", "NY", "112", "718"},
    {"Los Angeles", "CA", "900", "213"},
    {"San Diego", "CA", "921", "619"},
    {"San Francisco", "CA", "941", "415"},
    {"Chicago", "IL", "606", "312"},
    {"Houston", "TX", "770", "713"},
    {"Dallas", "TX", "752", "214"},
    {"Austin", "TX", "787", "512"},
    {"Phoenix", "AZ", "850", "602"},
    {"Philadelphia", "PA", "191", "215"},
    {"Pittsburgh", "PA", "152", "412"},
    {"San Antonio", "TX", "782", "210"},
    {"Seattle", "WA", "981", "206"},
    {"Denver", "CO", "802", "303"},
    {"Boston", "MA", "021", "617"},
    {"Atlanta", "GA", "303", "404"},
    {"Miami", "FL", "331", "305"},
    {"Orlando", "FL", "328", "407"},
    {"Tampa", "FL", "336", "813"},
    {"Portland", "OR", "972", "503"},
    {"Las Vegas", "NV", "891", "702"},
    {"Detroit", "MI", "482", "313"},
    {"Minneapolis", "MN", "554", "612"},
    {"Nashville", "TN", "372", "615"},
    {"Charlotte", "NC", "282", "704"},
    {"Columbus", "OH", "432", "614"},
    {"Indianapolis", "IN", "462", "317"},
    {"Baltimore", "MD", "212", "410"},
    {"Salt Lake City", "UT", "841", "801"},
    {"Kansas City", "MO", "641", "816"},
    {"Omaha", "NE", "681", "402"},
    {"Albuquerque", "NM", "871", "505"},
    {"Milwaukee", "WI", "532", "414"},
    {"Raleigh", "NC", "276", "919"},
    {"Richmond", "VA", "232", "804"}
  };

  /**
   * Weight of each city (same order as {@link #CITIES}): big cities have more people and stores.
   */
  static final int[] CITY_WEIGHTS = {
    14, 9, 12, 5, 6, 9, 8, 6, 4, 6, 5, 2, 5, 5, 4, 4, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2,
    2, 2, 2, 2, 2
  };

  static final String[] LOYALTY_TIERS = {
    "none", "none", "none", "silver", "silver", "gold", "platinum"
  };

  static final String[] CHANNELS = {"store", "store", "store", "online", "online", "mobile"};

  static final String[] PAYMENT_METHODS = {
    "credit_card", "credit_card", "debit_card", "cash", "gift_card", "wallet"
  };

  static final String[] CATEGORIES = {
    "Grocery", "Electronics", "Apparel", "Home", "Beauty", "Toys", "Sports", "Garden"
  };

  /** Five nouns per category, in {@link #CATEGORIES} order. */
  static final String[] NOUNS = {
    "Coffee", "Olive Oil", "Pasta", "Granola", "Sparkling Water",
    "Headphones", "Charger", "Smart Speaker", "Monitor", "Keyboard",
    "T-Shirt", "Jeans", "Jacket", "Sneakers", "Socks",
    "Towel Set", "Lamp", "Cookware Set", "Pillow", "Storage Bin",
    "Shampoo", "Moisturizer", "Lipstick", "Sunscreen", "Body Wash",
    "Puzzle", "Building Blocks", "Doll", "Board Game", "RC Car",
    "Yoga Mat", "Water Bottle", "Dumbbells", "Tennis Racket", "Bike Helmet",
    "Hose", "Planter", "Seed Kit", "Pruner", "Patio Chair"
  };

  static final String[] BRANDS = {
    "Acme",
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Hooli",
    "Vandelay",
    "Soylent",
    "Tyrell",
    "Wonka",
    "Cyberdyne",
    "Aperture"
  };

  static final String[] ADJECTIVES = {
    "Classic",
    "Premium",
    "Eco",
    "Ultra",
    "Essential",
    "Deluxe",
    "Compact",
    "Pro",
    "Everyday",
    "Organic"
  };

  static final String[] COLORS = {
    "black", "white", "red", "blue", "green", "grey", "navy", "beige"
  };

  static final String[] STORE_TYPES = {
    "standard", "standard", "standard", "flagship", "outlet", "express"
  };

  static final String[] PROMO_TYPES = {
    "percent_off", "bogo", "coupon", "clearance", "loyalty", "bundle"
  };
}
