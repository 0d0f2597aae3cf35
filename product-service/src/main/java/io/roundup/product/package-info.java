/** The product catalog: products, their offers and prices, stored in MongoDB and announced on {@code roundup.products}. */
package io.roundup.product;
